using Compila.Web.Features.Billing;
using Compila.Web.Features.Billing.Contracts;

namespace Compila.Web.Tests.Features.Billing;

[Trait("Lane", "Fast")]
public sealed class PlanCatalogTests
{
    [Fact]
    public void EveryCapability_IsDeclaredOnce_WithAPaidPlanAndADescription()
    {
        foreach (var capability in Enum.GetValues<PlanCapability>())
        {
            var (lowest, description) = PlanCatalog.Capabilities[capability];
            Assert.Contains(lowest, PlanCatalog.PaidPlans);
            Assert.False(string.IsNullOrWhiteSpace(description));
        }
    }

    [Theory]
    [InlineData("free", PlanCapability.CvWithoutBranding, false)]
    [InlineData("pro", PlanCapability.CvWithoutBranding, true)]
    [InlineData("pro_plus", PlanCapability.CvWithoutBranding, true)]
    [InlineData("free", PlanCapability.FeaturedApplications, false)]
    [InlineData("pro", PlanCapability.FeaturedApplications, false)]
    [InlineData("pro_plus", PlanCapability.FeaturedApplications, true)]
    public void HigherPlans_IncludeWhatLowerPlansUnlock(string plan, PlanCapability capability, bool unlocks) =>
        Assert.Equal(unlocks, PlanCatalog.Unlocks(plan, capability));
}
