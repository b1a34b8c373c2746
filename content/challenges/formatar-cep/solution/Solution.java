class Solution {
    static String formatarCep(String cep) {
        StringBuilder d = new StringBuilder();
        for (char c : cep.toCharArray()) {
            if (c >= '0' && c <= '9') d.append(c);
        }
        if (d.length() != 8) return "";
        return d.substring(0, 5) + "-" + d.substring(5);
    }
}
