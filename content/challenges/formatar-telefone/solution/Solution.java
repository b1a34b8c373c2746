class Solution {
    static String formatarTelefone(String texto) {
        String d = texto.replaceAll("[^0-9]", "");
        if ((d.length() != 10 && d.length() != 11) || d.charAt(0) == '0') return "";
        String ddd = d.substring(0, 2), n = d.substring(2);
        if (d.length() == 11 && n.charAt(0) == '9') return "(" + ddd + ") " + n.substring(0, 5) + "-" + n.substring(5);
        if (d.length() == 10 && "2345".indexOf(n.charAt(0)) >= 0) return "(" + ddd + ") " + n.substring(0, 4) + "-" + n.substring(4);
        return "";
    }
}
