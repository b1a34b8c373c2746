import java.time.*;
import java.time.format.*;

class Solution {
    static String paraBrasilia(String instanteUtc) {
        if (!instanteUtc.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) return "";
        try {
            LocalDateTime t = LocalDateTime.parse(instanteUtc.substring(0, 19),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT));
            if (t.getYear() < 1970) return "";
            return t.minusHours(3).format(DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss"));
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
