using System.Text.Json;

namespace Compila.Web.Features.Users.Contracts;

/// <summary>
/// Who may see a learner's profile and anything derived from it (portfolio, leaderboard, exports).
/// Stored as its label (<c>public</c>, <c>private</c>, <c>link</c>).
/// </summary>
public enum ProfileVisibility
{
    /// <summary>Anyone, with or without an account; listed on leaderboards.</summary>
    Public,

    /// <summary>Only the owner; to anyone else the profile does not exist.</summary>
    Private,

    /// <summary>Private, except to whoever holds the owner's current share link (a recruiter link).</summary>
    Link,
}

/// <summary>Which sections the owner shows on the public profile. A section missing from stored JSON is shown.</summary>
public sealed record ProfileSections(bool Badges = true, bool Heatmap = true, bool Skills = true, bool Projects = true)
{
    public static readonly ProfileSections All = new();

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(ProfileSections sections) => JsonSerializer.Serialize(sections, Json);

    public static ProfileSections FromJson(string json) => JsonSerializer.Deserialize<ProfileSections>(json, Json) ?? All;
}
