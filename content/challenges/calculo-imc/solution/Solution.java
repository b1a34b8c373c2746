class Solution {
    static Double calcularImc(double pesoKg, double alturaM) {
        if (pesoKg <= 0 || alturaM <= 0) return null;
        return pesoKg / (alturaM * alturaM);
    }
}
