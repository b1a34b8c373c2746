

// ---- compila.dev harness: lê os argumentos de cada caso (nunca os valores esperados) ----
// __CPL_VALUES__
    @SuppressWarnings("unchecked")
    static Object cplCall(java.util.List<Object> a) throws Throwable {
        return __CPL_CALL__;
    }

    public static void main(String[] argv) throws Exception {
        java.io.PrintStream realOut = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        java.io.PrintStream realErr = System.err;
        String input = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String[] types = new String[] { __CPL_TYPES__ };
        for (String line : input.split("\n")) {
            if (line.trim().isEmpty()) continue;
            java.util.List<?> raw = (java.util.List<?>) new CplParser(line).value();
            java.util.List<Object> args = new java.util.ArrayList<>();
            for (int k = 0; k < raw.size(); k++) args.add(cplConv(raw.get(k), types[k]));
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            java.io.PrintStream capture = new java.io.PrintStream(buf, true, "UTF-8");
            StringBuilder rec = new StringBuilder("{");
            long start = System.nanoTime();
            System.setOut(capture);
            System.setErr(capture);
            try {
                Object value = cplCall(args);
                double ms = (System.nanoTime() - start) / 1e6;
                rec.append("\"ms\":").append(ms);
                try {
                    StringBuilder vb = new StringBuilder();
                    cplWrite(vb, value);
                    rec.append(",\"ok\":true,\"value\":").append(vb);
                } catch (RuntimeException e) {
                    rec.append(",\"ok\":false,\"kind\":\"serialize\",\"error\":");
                    cplString(rec, String.valueOf(e.getMessage()));
                }
            } catch (Throwable e) {
                double ms = (System.nanoTime() - start) / 1e6;
                rec.append("\"ms\":").append(ms).append(",\"ok\":false,\"kind\":\"exception\",\"error\":");
                cplString(rec, e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                for (StackTraceElement el : e.getStackTrace()) {
                    if (el.getClassName().equals("Solution") || el.getClassName().startsWith("Solution$")) {
                        rec.append(",\"line\":").append(el.getLineNumber());
                        break;
                    }
                }
            } finally {
                System.setOut(realOut);
                System.setErr(realErr);
            }
            capture.flush();
            rec.append(",\"out\":");
            cplString(rec, new String(buf.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
            rec.append('}');
            realOut.print("\n@@COMPILA@@" + rec + "\n");
            realOut.flush();
        }
    }
}
