package dev.provisioner.artifacts;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Just enough of tar to take named regular files out of a release archive: ustar and GNU headers,
 * GNU long names ({@code L}) and PAX {@code path}/{@code size} records ({@code x}). Only the wanted
 * files are written, each under a name chosen by the caller, so archive paths can never escape the
 * output folder. Directories, links and every other entry are skipped.
 */
final class TarGzReader {
    private static final int BLOCK = 512;
    private static final long MAX_META = 1 << 20;

    private TarGzReader() {
    }

    /**
     * Extracts files from a .tar.gz.
     *
     * @param archive the archive
     * @param wanted  path inside the archive (a leading {@code ./} ignored) to output file name
     * @param outDir  existing folder the files are written to
     * @return output file name to written path, for every wanted path found
     */
    static Map<String, Path> extract(Path archive, Map<String, String> wanted, Path outDir) throws IOException {
        Map<String, String> byPath = new LinkedHashMap<>();
        wanted.forEach((path, name) -> byPath.put(clean(path), name));
        Map<String, Path> written = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            String nextName = null;
            Long nextSize = null;
            while (readBlock(in, header) && !allZero(header)) {
                checkHeaderSum(header);
                char type = (char) header[156];
                long size = nextSize != null ? nextSize : number(header, 124, 12);
                String name = nextName != null ? nextName : headerName(header);
                if (type == 'L' || type == 'x') {
                    if (size > MAX_META) {
                        throw new IOException("tar metadata entry of " + size + " bytes");
                    }
                    byte[] data = readData(in, size);
                    if (type == 'L') {
                        nextName = cString(data, 0, data.length);
                    } else {
                        Map<String, String> pax = pax(data);
                        nextName = pax.getOrDefault("path", nextName);
                        nextSize = pax.containsKey("size") ? Long.valueOf(pax.get("size")) : nextSize;
                    }
                    continue;
                }
                String out = byPath.get(clean(name));
                if ((type == '0' || type == '\0' || type == '7') && out != null) {
                    Path target = outDir.resolve(out);
                    try (OutputStream os = Files.newOutputStream(target)) {
                        copy(in, os, size);
                    }
                    skip(in, padding(size));
                    written.put(out, target);
                } else {
                    skip(in, size + padding(size));
                }
                nextName = null;
                nextSize = null;
            }
        }
        return written;
    }

    static String clean(String path) {
        String p = path;
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.substring(p.startsWith("./") ? 2 : 1);
        }
        return p;
    }

    private static String headerName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean posixUstar = h[257] == 'u' && h[262] == 0; // "ustar\0"; GNU writes "ustar  \0" and no prefix
        String prefix = posixUstar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static void checkHeaderSum(byte[] h) throws IOException {
        long stored = number(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != stored) {
            throw new IOException("corrupt tar header (checksum " + stored + ", computed " + sum + ")");
        }
    }

    /** Octal, or GNU base-256 when the high bit of the first byte is set. */
    static long number(byte[] h, int off, int len) throws IOException {
        if ((h[off] & 0x80) != 0) {
            long v = h[off] & 0x7f;
            for (int i = 1; i < len; i++) {
                v = (v << 8) | (h[off + i] & 0xff);
            }
            return v;
        }
        String s = cString(h, off, len).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException("corrupt tar header number '" + s + "'");
        }
    }

    private static Map<String, String> pax(byte[] data) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        int pos = 0;
        while (pos < data.length && data[pos] != 0) {
            int space = pos;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("corrupt PAX header");
            }
            if (len <= 0 || pos + len > data.length) {
                throw new IOException("corrupt PAX header");
            }
            String record = new String(data, space + 1, pos + len - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                out.put(record.substring(0, eq), record.substring(eq + 1));
            }
            pos += len;
        }
        return out;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int got = in.readNBytes(block, 0, BLOCK);
        if (got == 0) {
            return false;
        }
        if (got < BLOCK) {
            throw new EOFException("truncated tar archive");
        }
        return true;
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("truncated tar archive");
        }
        skip(in, padding(size));
        return data;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException("truncated tar archive");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }
}
