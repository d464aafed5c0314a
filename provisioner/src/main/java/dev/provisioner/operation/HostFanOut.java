package dev.provisioner.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * The one way the library works on hosts in parallel: at most {@code parallelism} hosts at once,
 * results in the order of the input (inventory order), and one interrupt policy for every operation.
 *
 * <p>Interrupt policy: when the calling thread is interrupted (Ctrl-C in the CLI) before or while it
 * waits, the hosts already started finish the task they are in (worker threads are never
 * interrupted, so a remote script is never cut in half), every host not started yet gets its
 * {@code notRun} result, {@link #interrupted()} turns true for the rest of the operation, and the
 * call returns with the calling thread's interrupt flag set again. Read-only work
 * ({@link #mapReadOnly}: connecting, gathering facts, probing, reading versions) changes nothing on a
 * host, so there the hosts at work are not waited for: they too are reported as not run at once, and
 * their threads end when the caller closes their connections. A task that throws does not stop the
 * others; the first exception is rethrown once every started task has finished.
 */
public final class HostFanOut {
    private final String name;
    private final int parallelism;
    private final AtomicBoolean interrupted = new AtomicBoolean();

    /**
     * @param name        names the worker threads ({@code provisioner-<name>-<n>})
     * @param parallelism hosts at once (at least 1)
     */
    public HostFanOut(String name, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.name = name;
        this.parallelism = parallelism;
    }

    public int parallelism() {
        return parallelism;
    }

    /** Whether the operation was interrupted: every later fan-out reports all its hosts as not run. */
    public boolean interrupted() {
        return interrupted.get();
    }

    /** {@link #map(List, int, Function, Function)} with the operation's parallelism. */
    public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> task, Function<? super T, ? extends R> notRun) {
        return map(items, parallelism, task, notRun);
    }

    /**
     * Runs {@code task} for every item, at most {@code min(limit, parallelism)} at once.
     *
     * @param notRun the result of an item not started because the operation was interrupted
     * @return one result per item, in the order of {@code items}
     */
    public <T, R> List<R> map(List<T> items, int limit, Function<? super T, ? extends R> task,
                              Function<? super T, ? extends R> notRun) {
        return map(items, limit, task, notRun, false);
    }

    /**
     * {@link #map(List, Function, Function)} for work that changes nothing on the hosts: after an
     * interrupt it returns at once, every host without a result reported as not run.
     */
    public <T, R> List<R> mapReadOnly(List<T> items, Function<? super T, ? extends R> task,
                                      Function<? super T, ? extends R> notRun) {
        return map(items, parallelism, task, notRun, true);
    }

    private <T, R> List<R> map(List<T> items, int limit, Function<? super T, ? extends R> task,
                               Function<? super T, ? extends R> notRun, boolean readOnly) {
        if (Thread.interrupted()) {
            interrupted.set(true);
        }
        AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(items.size());
        if (!items.isEmpty() && !interrupted.get()) {
            runAll(items, Math.max(1, Math.min(Math.min(limit, parallelism), items.size())), task, results, readOnly);
        }
        List<R> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object r = results.get(i);
            @SuppressWarnings("unchecked")
            R value = r == null ? notRun.apply(items.get(i)) : r == NULL ? null : (R) r;
            out.add(value);
        }
        if (interrupted.get()) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** Stands for a task that returned null (a null slot means: no result). */
    private static final Object NULL = new Object();

    private <T, R> void runAll(List<T> items, int threads, Function<? super T, ? extends R> task,
                               AtomicReferenceArray<Object> results, boolean readOnly) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(threads);
        Object gate = new Object();
        Runnable worker = () -> {
            try {
                while (!interrupted.get()) {
                    int i = next.getAndIncrement();
                    if (i >= items.size()) {
                        return;
                    }
                    synchronized (gate) {
                        if (interrupted.get()) {
                            return;
                        }
                    }
                    try {
                        R r = task.apply(items.get(i));
                        if (!(readOnly && interrupted.get())) {
                            results.set(i, r == null ? NULL : r);
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                        results.set(i, NULL);
                    }
                }
            } finally {
                finished.countDown();
            }
        };
        for (int n = 1; n <= threads; n++) {
            Thread t = new Thread(worker, "provisioner-" + name + "-" + n);
            t.setDaemon(true);
            t.start();
        }
        boolean waiting = true;
        while (waiting) {
            try {
                finished.await();
                waiting = false;
            } catch (InterruptedException e) {
                // Stop handing out hosts; the started ones finish what they are doing (unless it changes nothing).
                synchronized (gate) {
                    interrupted.set(true);
                }
                if (readOnly) {
                    return;
                }
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
