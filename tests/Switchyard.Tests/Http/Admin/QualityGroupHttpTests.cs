using System.Net;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http.Admin;

[Collection(SiloHostCollection.Name)]
public sealed class QualityGroupHttpTests(SiloHostFixture fixture)
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestSettings.AdminKey);
        var response = await fixture.Host.Http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task RouterAdmin_OfATaskTypeInAGroup_ShowsTheGroup_AndItsOwnTargetUntilTheGroupHasHeardFromIt()
    {
        var (status, router) = await GetAsync("/admin/routers/mix-easy");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("mix", router.GetProperty("quality_group").GetString());
        Assert.Equal(JsonValueKind.Null, router.GetProperty("allocated_quality_target").ValueKind);
        Assert.Equal(0.97, router.GetProperty("quality_target").GetDouble());
    }

    [Fact]
    public async Task QualityGroupAdmin_ShowsAConfiguredGroup_AndNamesAnUnknownOne()
    {
        var (status, group) = await GetAsync("/admin/quality-groups/mix");
        var (missing, error) = await GetAsync("/admin/quality-groups/no-such-group");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("mix", group.GetProperty("group").GetString());
        Assert.Equal(0.97, group.GetProperty("quality_target").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("quality_group_not_found", error.GetProperty("error").GetProperty("code").GetString());
    }
}
