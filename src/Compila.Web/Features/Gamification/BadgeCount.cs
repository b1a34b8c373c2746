using System.Text.Json;

namespace Compila.Web.Features.Gamification;

/// <summary>A learner's way towards a badge, stored in <c>user_badges.progress</c>: <c>{"current": 2, "target": 5}</c>.</summary>
public sealed record BadgeCount(int Current, int Target)
{
    /// <summary>The count, capped at the target.</summary>
    public static BadgeCount Of(int current, int target) => new(Math.Min(current, target), target);

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static BadgeCount? FromJson(string json) => JsonSerializer.Deserialize<BadgeCount>(json, JsonSerializerOptions.Web);

    /// <summary>Current over target, 0–1 to four decimals; 0 without a target.</summary>
    public double Fraction => Target <= 0 ? 0 : Math.Round(Math.Min(1.0, Current / (double)Target), 4);
}
