import java.util.*;

class Solution {
    static List<Object> tokens;
    static int pos;

    static Long avaliar(String expressao) {
        tokens = new ArrayList<>();
        pos = 0;
        for (int i = 0; i < expressao.length();) {
            char c = expressao.charAt(i);
            if (c == ' ') i++;
            else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < expressao.length() && Character.isDigit(expressao.charAt(j)) && expressao.charAt(j) <= '9') j++;
                tokens.add(Long.parseLong(expressao.substring(i, j)));
                i = j;
            } else if ("+-*/()".indexOf(c) >= 0) { tokens.add(c); i++; }
            else return null;
        }
        try {
            long v = expr();
            return pos == tokens.size() ? v : null;
        } catch (IllegalStateException | ArithmeticException e) {
            return null;
        }
    }

    static Object olhar() { return pos < tokens.size() ? tokens.get(pos) : null; }

    static long expr() {
        long v = termo();
        while (Objects.equals(olhar(), '+') || Objects.equals(olhar(), '-')) {
            v = tokens.get(pos++).equals('+') ? v + termo() : v - termo();
        }
        return v;
    }

    static long termo() {
        long v = fator();
        while (Objects.equals(olhar(), '*') || Objects.equals(olhar(), '/')) {
            Object op = tokens.get(pos++);
            long d = fator();
            v = op.equals('*') ? v * d : v / d;
        }
        return v;
    }

    static long fator() {
        Object t = olhar();
        if (Objects.equals(t, '-')) { pos++; return -fator(); }
        if (Objects.equals(t, '(')) {
            pos++;
            long v = expr();
            if (!Objects.equals(olhar(), ')')) throw new IllegalStateException();
            pos++;
            return v;
        }
        if (t instanceof Long) { pos++; return (Long) t; }
        throw new IllegalStateException();
    }
}
