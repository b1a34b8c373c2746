import java.text.Normalizer;
import java.util.Locale;

class Solution {
    static String gerarSlug(String titulo) {
        String t = Normalizer.normalize(titulo, Normalizer.Form.NFD).replaceAll("[\\u0300-\\u036f]", "");
        t = t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return t.replaceAll("^-+|-+$", "");
    }
}
