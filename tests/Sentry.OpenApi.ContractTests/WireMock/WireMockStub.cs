using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.ContractTests.WireMock;

/// <summary>Builds WireMock stub mappings (WireMock's JSON mapping format) for hand-written scenarios.</summary>
internal sealed class WireMockStub
{
    private readonly JObject _request;
    private readonly JObject _response = new() { ["status"] = 200, ["headers"] = new JObject() };
    private JObject? _scenario;

    private WireMockStub(string method, string urlPath) => _request = new JObject { ["method"] = method, ["urlPath"] = urlPath };

    public static WireMockStub For(string method, string urlPath) => new(method, urlPath);

    public WireMockStub WithQuery(string name, string value)
    {
        var query = (JObject?)_request["queryParameters"] ?? (JObject)(_request["queryParameters"] = new JObject());
        query[name] = new JObject { ["equalTo"] = value };
        return this;
    }

    public WireMockStub WithoutQuery(string name)
    {
        var query = (JObject?)_request["queryParameters"] ?? (JObject)(_request["queryParameters"] = new JObject());
        query[name] = new JObject { ["absent"] = true };
        return this;
    }

    public WireMockStub Status(int status)
    {
        _response["status"] = status;
        return this;
    }

    public WireMockStub Header(string name, string value)
    {
        ((JObject)_response["headers"]!)[name] = value;
        return this;
    }

    public WireMockStub Json(string json)
    {
        _response["body"] = json;
        return Header("Content-Type", "application/json");
    }

    public WireMockStub Body(string text, string contentType)
    {
        _response["body"] = text;
        return Header("Content-Type", contentType);
    }

    /// <summary>A WireMock fault: CONNECTION_RESET_BY_PEER, EMPTY_RESPONSE, MALFORMED_RESPONSE_CHUNK, RANDOM_DATA_THEN_CLOSE.</summary>
    public WireMockStub Fault(string fault)
    {
        _response["fault"] = fault;
        return this;
    }

    public WireMockStub Delay(TimeSpan delay)
    {
        _response["fixedDelayMilliseconds"] = (int)delay.TotalMilliseconds;
        return this;
    }

    /// <summary>Serves this stub only in <paramref name="state"/> of <paramref name="scenario"/>, then moves to <paramref name="next"/>.</summary>
    public WireMockStub InScenario(string scenario, string state, string? next = null)
    {
        _scenario = new JObject { ["scenarioName"] = scenario, ["requiredScenarioState"] = state };
        if (next is not null)
        {
            _scenario["newScenarioState"] = next;
        }

        return this;
    }

    public JObject ToMapping()
    {
        var mapping = new JObject { ["request"] = _request.DeepClone(), ["response"] = _response.DeepClone() };
        if (_scenario is not null)
        {
            foreach (var property in _scenario.Properties())
            {
                mapping[property.Name] = property.Value.DeepClone();
            }
        }

        return mapping;
    }

    public Task AddToAsync(WireMockAdmin admin) => admin.StubAsync(ToMapping());
}
