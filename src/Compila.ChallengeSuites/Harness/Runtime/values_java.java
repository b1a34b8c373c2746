public class Main {
    static final class CplParser {
        private final String s;
        private int i;
        CplParser(String s) { this.s = s; }
        void ws() { while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++; }
        Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                ws();
                if (s.charAt(i) == '}') { i++; return m; }
                while (true) {
                    ws(); String k = (String) value(); ws(); i++;
                    m.put(k, value()); ws();
                    if (s.charAt(i++) == '}') return m;
                }
            }
            if (c == '[') {
                i++;
                java.util.List<Object> l = new java.util.ArrayList<>();
                ws();
                if (s.charAt(i) == ']') { i++; return l; }
                while (true) {
                    l.add(value()); ws();
                    if (s.charAt(i++) == ']') return l;
                }
            }
            if (c == '"') {
                i++;
                StringBuilder b = new StringBuilder();
                while (s.charAt(i) != '"') {
                    char ch = s.charAt(i++);
                    if (ch != '\\') { b.append(ch); continue; }
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n': b.append('\n'); break;
                        case 't': b.append('\t'); break;
                        case 'r': b.append('\r'); break;
                        case 'b': b.append('\b'); break;
                        case 'f': b.append('\f'); break;
                        case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                        default: b.append(e);
                    }
                }
                i++;
                return b.toString();
            }
            if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
            if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            int j = i;
            while (j < s.length() && "+-0123456789.eE".indexOf(s.charAt(j)) >= 0) j++;
            String n = s.substring(i, j);
            i = j;
            if (n.contains(".") || n.contains("e") || n.contains("E")) return Double.parseDouble(n);
            return Long.parseLong(n);
        }
    }

    static Object cplConv(Object v, String t) {
        if (v == null) return null;
        switch (t.charAt(0)) {
            case 'f': return ((Number) v).doubleValue();
            case 'L': {
                java.util.List<Object> r = new java.util.ArrayList<>();
                for (Object x : (java.util.List<?>) v) r.add(cplConv(x, t.substring(1)));
                return r;
            }
            case 'M': {
                java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
                for (java.util.Map.Entry<?, ?> e : ((java.util.Map<?, ?>) v).entrySet()) r.put((String) e.getKey(), cplConv(e.getValue(), t.substring(1)));
                return r;
            }
            case 'O': return cplConv(v, t.substring(1));
            default: return v;
        }
    }

    static void cplString(StringBuilder b, String s) {
        b.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"') b.append("\\\"");
            else if (c == '\\') b.append("\\\\");
            else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        b.append('"');
    }

    static void cplWrite(StringBuilder b, Object v) {
        if (v == null) { b.append("null"); return; }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof java.math.BigInteger) { b.append(v.toString()); return; }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("número não finito: " + d);
            b.append(Double.toString(d)); return;
        }
        if (v instanceof Boolean) { b.append(v.toString()); return; }
        if (v instanceof String) { cplString(b, (String) v); return; }
        if (v instanceof Character) { cplString(b, v.toString()); return; }
        if (v instanceof java.util.Map) {
            b.append('{');
            boolean first = true;
            for (java.util.Map.Entry<?, ?> e : ((java.util.Map<?, ?>) v).entrySet()) {
                if (!first) b.append(',');
                first = false;
                if (!(e.getKey() instanceof String)) throw new IllegalArgumentException("chave de mapa não é String");
                cplString(b, (String) e.getKey());
                b.append(':');
                cplWrite(b, e.getValue());
            }
            b.append('}');
            return;
        }
        if (v instanceof java.util.Collection) {
            b.append('[');
            boolean first = true;
            for (Object x : (java.util.Collection<?>) v) { if (!first) b.append(','); first = false; cplWrite(b, x); }
            b.append(']');
            return;
        }
        if (v.getClass().isArray()) {
            b.append('[');
            int n = java.lang.reflect.Array.getLength(v);
            for (int k = 0; k < n; k++) { if (k > 0) b.append(','); cplWrite(b, java.lang.reflect.Array.get(v, k)); }
            b.append(']');
            return;
        }
        throw new IllegalArgumentException("tipo não suportado: " + v.getClass().getName());
    }

