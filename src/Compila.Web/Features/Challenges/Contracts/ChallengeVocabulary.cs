namespace Compila.Web.Features.Challenges.Contracts;

public enum ChallengeStack
{
    Frontend,
    Backend,
    Mobile,
    Devops,
    Iot,
    Data,
}

public enum ChallengeLevel
{
    Beginner,
    Junior,
    Mid,
    Senior,
    Expert,
}
