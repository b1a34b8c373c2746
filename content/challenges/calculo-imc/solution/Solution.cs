public static class Solution
{
    public static double? CalcularImc(double pesoKg, double alturaM) =>
        pesoKg <= 0 || alturaM <= 0 ? null : pesoKg / (alturaM * alturaM);
}
