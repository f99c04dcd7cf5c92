package l2rl.train;

/** A configuration key that is unknown or has a value out of its range; the message names both. */
public final class ConfigException extends IllegalArgumentException {
    public ConfigException(String message) {
        super(message);
    }
}
