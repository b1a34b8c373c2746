import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class Main {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String token = args.length > 1 ? args[1] : "";
        switch (mode) {
            case "hello" -> System.out.println("Olá, ação ✓");
            case "echo" -> System.out.println("echo:" + new String(System.in.readAllBytes(), StandardCharsets.UTF_8).toUpperCase());
            case "exit3" -> System.exit(3);
            case "throw" -> throw new IllegalStateException("boom");
            case "loop" -> {
                while (true) {
                    Thread.onSpinWait();
                }
            }
            case "hog" -> {
                List<byte[]> hog = new ArrayList<>();
                while (true) {
                    byte[] block = new byte[1 << 20];
                    Arrays.fill(block, (byte) 1);
                    hog.add(block);
                }
            }
            case "fork" -> {
                while (true) {
                    try {
                        sleeper(token).start();
                    } catch (IOException e) {
                        Thread.onSpinWait();
                    }
                }
            }
            case "threads" -> {
                int n = 0;
                try {
                    while (true) {
                        Thread t = new Thread(() -> {
                            try {
                                Thread.sleep(30000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                        t.setDaemon(true);
                        t.start();
                        n++;
                    }
                } catch (Throwable e) {
                    System.out.println("threads " + n);
                    System.exit(4);
                }
            }
            case "output" -> {
                String chunk = "x".repeat(1 << 20) + "\n";
                PrintStream out = System.out;
                for (int i = 0; i < 100; i++) {
                    out.print(chunk);
                }
                out.flush();
            }
            case "bigfile" -> {
                try (FileOutputStream f = new FileOutputStream("/tmp/big")) {
                    byte[] block = new byte[1 << 20];
                    for (int i = 0; i < 1024; i++) {
                        f.write(block);
                    }
                }
                System.out.println("wrote 1 GB");
            }
            case "net" -> {
                String[][] targets = {{"127.0.0.1", args[2]}, {"192.0.2.1", "80"}};
                for (String[] t : targets) {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(t[0], Integer.parseInt(t[1])), 2000);
                        System.out.println("connected " + t[0]);
                    } catch (IOException e) {
                        System.out.println("failed " + t[0] + " " + e.getMessage());
                    }
                }
            }
            case "secrets" -> {
                for (int i = 2; i < args.length; i++) {
                    System.out.println(args[i] + (new File(args[i]).exists() ? " visible" : " missing"));
                }
                System.out.println("env " + System.getenv());
                File[] procs = new File("/proc").listFiles();
                for (File p : procs == null ? new File[0] : procs) {
                    if (p.getName().matches("\\d+")) {
                        try {
                            System.out.println("environ " + p.getName() + " " + Files.readString(Path.of(p.getPath(), "environ")));
                        } catch (Exception e) {
                            System.out.println("environ " + p.getName() + " " + e);
                        }
                    }
                }
            }
            case "background" -> {
                sleeper(token).start();
                System.out.println("spawned");
            }
            case "sleep" -> Thread.sleep(1_000_000);
            case "tmpwrite" -> {
                Files.writeString(Path.of("/tmp", token), "x");
                Files.writeString(Path.of("/dev/shm", token), "x");
                System.out.println("written");
            }
            case "tmpcheck" -> System.out.println("tmp=" + Files.exists(Path.of("/tmp", token)) + " shm=" + Files.exists(Path.of("/dev/shm", token)));
            case "plant" -> {
                for (String d : new String[] {"/box", "/tmp"}) {
                    try {
                        Files.createSymbolicLink(Path.of(d, "planted"), Path.of(args[2]));
                        System.out.println("planted " + d);
                    } catch (Exception e) {
                        System.out.println("refused " + d);
                    }
                }
            }
            default -> System.out.println("unknown mode " + mode);
        }
    }

    /// The sandbox has no shell: a child is this very program, sleeping.
    private static ProcessBuilder sleeper(String token) {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        return new ProcessBuilder(java, "-Xmx16m", "-cp", System.getProperty("java.class.path"), "Main", "sleep", token);
    }
}
