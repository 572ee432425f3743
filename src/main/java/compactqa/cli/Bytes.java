package compactqa.cli;

/** Human-readable byte counts for command output. */
final class Bytes {

    private Bytes() {
    }

    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String units = "KMGTPE";
        int exponent = (int) (Math.log(bytes) / Math.log(1024));
        return String.format("%.1f %sB", bytes / Math.pow(1024, exponent), units.charAt(exponent - 1));
    }
}
