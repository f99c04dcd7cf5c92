package l2rl.train;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per directory: a run directory (train, resume, {@link Agents#learn}) or a sweep directory is held
 * by one process at a time, through an OS lock on the file {@value #FILE} inside it. The OS releases the lock
 * when its holder exits, however it exits (kill -9 included), so a lock is never stale. The file stays behind
 * with the last holder's pid and means nothing while unlocked: deleting it on release would let a waiter lock
 * the deleted file while a newcomer locks a fresh one. Readers ({@code l2rl evaluate}, {@link Agents#load})
 * take no lock.
 */
public final class DirectoryLock implements AutoCloseable {
    public static final String FILE = ".lock";

    /*
     * Lock files held by this JVM, by file identity (device and inode). Checked before the lock file is opened,
     * because an OS lock (POSIX fcntl) belongs to the process, not to the channel: closing any channel on the
     * file, even one whose tryLock was refused, silently drops the lock this process holds through another.
     */
    private static final Set<Object> HELD = ConcurrentHashMap.newKeySet();

    /** The directory is held by another writer; the message names it and the holder's pid. */
    public static final class HeldException extends IOException {
        HeldException(Path dir, String holder) {
            super(dir + " is being written by " + holder + "; wait for it to end or choose another directory");
        }
    }

    private final Object key;
    private final FileChannel channel;

    private DirectoryLock(Object key, FileChannel channel) {
        this.key = key;
        this.channel = channel;
    }

    /**
     * Creates {@code dir} if absent and holds it until {@link #close}. Call it before reading or writing
     * anything else in {@code dir}: a refused writer then leaves no trace but the lock file.
     *
     * @throws HeldException if another process, or another writer in this one, holds {@code dir}
     */
    public static DirectoryLock acquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        var file = dir.resolve(FILE);
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException heldBefore) {
            // the usual case after the first run; its content is the last holder's pid
        }
        var fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        var key = Objects.requireNonNullElse(fileKey, file.toRealPath());
        if (!HELD.add(key)) {
            throw new HeldException(dir, "another writer in this process (pid " + ProcessHandle.current().pid() + ")");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, CREATE, READ, WRITE);
            if (channel.tryLock() == null) {
                throw new HeldException(dir, holder(channel));
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            return new DirectoryLock(key, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();  // safe: this JVM holds no lock on this file (HELD says so)
            }
            HELD.remove(key);
            throw e;
        }
    }

    /** "another process (pid N)", from the pid the holder wrote into the lock file. */
    private static String holder(FileChannel channel) throws IOException {
        var bytes = ByteBuffer.allocate(32);
        channel.read(bytes, 0);
        var pid = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).strip();
        // Empty only in the instant between the holder's lock and its write.
        return pid.matches("\\d+") ? "another process (pid " + pid + ")" : "another process";
    }

    /** Releases the directory (closing the channel releases the OS lock). */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            HELD.remove(key);
        }
    }
}
