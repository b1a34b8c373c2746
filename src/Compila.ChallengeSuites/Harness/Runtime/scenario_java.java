

// ---- compila.dev harness: (cenário) lê as chamadas de cada passo (nunca os valores esperados) ----
// __CPL_VALUES__
    static __CPL_CLASS__ cplInst;

    @SuppressWarnings("unchecked")
    static Object cplStep(int s, int m, java.util.List<Object> a) throws Throwable {
        if (s == 0) {
            cplInst = null;
            cplInst = __CPL_NEW__;
        }
        __CPL_CLASS__ inst = cplInst;
        switch (m) {
__CPL_DISPATCH__
            default: throw new IllegalStateException("método desconhecido");
        }
    }

    static int cplLine(Throwable e) {
        for (StackTraceElement el : e.getStackTrace()) {
            if ("Main.java".equals(el.getFileName()) && !el.getClassName().equals("Main") && !el.getClassName().startsWith("Main$")) {
                return el.getLineNumber();
            }
        }
        return -1;
    }

    public static void main(String[] argv) throws Exception {
        java.io.PrintStream realOut = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        java.io.PrintStream realErr = System.err;
        String input = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String[][] types = new String[][] { __CPL_METHODS__ };
        for (String line : input.split("\n")) {
            if (line.trim().isEmpty()) continue;
            java.util.List<?> step = (java.util.List<?>) new CplParser(line).value();
            long c = (Long) step.get(0);
            int s = ((Long) step.get(1)).intValue();
            int m = ((Long) step.get(2)).intValue();
            java.util.List<?> raw = (java.util.List<?>) step.get(3);
            java.util.List<Object> args = new java.util.ArrayList<>();
            for (int k = 0; k < raw.size(); k++) args.add(cplConv(raw.get(k), types[m][k]));
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            java.io.PrintStream capture = new java.io.PrintStream(buf, true, "UTF-8");
            StringBuilder rec = new StringBuilder("{\"c\":" + c + ",\"s\":" + s + ",");
            long start = System.nanoTime();
            System.setOut(capture);
            System.setErr(capture);
            try {
                Object value = cplStep(s, m, args);
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
                rec.append("\"ms\":").append(ms);
                if (e instanceof __CPL_ERROR__) {
                    rec.append(",\"ok\":false,\"kind\":\"refused\",\"error\":");
                    cplString(rec, String.valueOf(e.getMessage()));
                } else {
                    rec.append(",\"ok\":false,\"kind\":\"exception\",\"error\":");
                    cplString(rec, e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                    int lineNumber = cplLine(e);
                    if (lineNumber > 0) rec.append(",\"line\":").append(lineNumber);
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
