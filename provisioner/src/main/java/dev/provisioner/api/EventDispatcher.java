package dev.provisioner.api;

import dev.provisioner.operation.OperationListener;

import dev.provisioner.engine.ActionRecord;
import dev.provisioner.engine.ExecObserver;
import dev.provisioner.engine.Mode;
import dev.provisioner.engine.StepRecord;
import dev.provisioner.transport.OutputListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/** Turns engine and operation callbacks into typed events and delivers them to the listeners one at a time. */
final class EventDispatcher implements ExecObserver, OperationListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private final List<ProvisionListener> listeners;
    private final Object lock = new Object();

    EventDispatcher(List<ProvisionListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void emit(ProvisionEvent e) {
        synchronized (lock) {
            for (ProvisionListener l : listeners) {
                try {
                    l.onEvent(e);
                } catch (RuntimeException ex) {
                    LOG.warn("an event listener failed on {}: {}", e.getClass().getSimpleName(), ex.toString());
                }
            }
        }
    }

    @Override
    public void runStarted(Mode mode, List<String> phases, List<String> hosts) {
        emit(new ProvisionEvent.RunStarted(Reports.mode(mode), phases, hosts));
    }

    @Override
    public void runFinished(Mode mode, boolean ok, Duration duration) {
        emit(new ProvisionEvent.RunFinished(Reports.mode(mode), ok, duration));
    }

    @Override
    public void phaseStarted(String phase, List<String> hosts) {
        emit(new ProvisionEvent.PhaseStarted(phase, hosts));
    }

    @Override
    public void phaseFinished(String phase, boolean ok, Duration duration) {
        emit(new ProvisionEvent.PhaseFinished(phase, ok, duration));
    }

    @Override
    public void hostStarted(String phase, String host) {
        emit(new ProvisionEvent.HostStarted(phase, host));
    }

    @Override
    public void hostFinished(String phase, String host, boolean ok, Duration duration) {
        emit(new ProvisionEvent.HostFinished(phase, host, ok, duration));
    }

    @Override
    public void stepStarted(String phase, String host, String step) {
        emit(new ProvisionEvent.StepStarted(phase, host, step));
    }

    @Override
    public void stepFinished(StepRecord record) {
        emit(new ProvisionEvent.StepFinished(Reports.step(record)));
    }

    @Override
    public void action(String phase, String host, String step, ActionRecord action) {
        emit(new ProvisionEvent.ActionEvent(phase, host, step, Reports.action(action)));
    }

    @Override
    public void output(String host, OutputListener.Stream stream, String line) {
        emit(new ProvisionEvent.OutputLine(host, stream == OutputListener.Stream.STDERR, line));
    }

    @Override
    public void started(String operation, String detail) {
        emit(new ProvisionEvent.OperationStarted(operation, detail));
    }

    @Override
    public void hostFinished(String operation, String host, boolean ok, String detail) {
        emit(new ProvisionEvent.OperationHostFinished(operation, host, ok, detail));
    }

    @Override
    public void finished(String operation, boolean ok, String summary, Duration duration) {
        emit(new ProvisionEvent.OperationFinished(operation, ok, summary, duration));
    }
}
