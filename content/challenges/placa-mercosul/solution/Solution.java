class Solution {
    static String classificarPlaca(String placa) {
        String p = placa.replace("-", "").replace(" ", "").toUpperCase();
        if (p.matches("[A-Z]{3}[0-9]{4}")) return "antiga";
        if (p.matches("[A-Z]{3}[0-9][A-Z][0-9]{2}")) return "mercosul";
        return "invalida";
    }
}
