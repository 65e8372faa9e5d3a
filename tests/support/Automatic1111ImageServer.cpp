#include "support/Automatic1111ImageServer.h"

namespace shotcraft::test {

namespace {
QString str(const Json &j, const char *key) {
    return j.contains(key) && j[key].is_string() ? QString::fromStdString(j[key].get<std::string>())
                                                 : QString();
}
double num(const Json &j, const char *key) {
    return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0;
}
} // namespace

Automatic1111ImageServer::Automatic1111ImageServer(QObject *parent)
    : QObject(parent) {
    m_http.setHandler([this](const TestHttpRequest &r, Fault f) { return handle(r, f); });
}

TestHttpResponse Automatic1111ImageServer::handle(const TestHttpRequest &request, Fault fault) {
    if (request.method == "GET" && request.path == "/controlnet/model_list") {
        Json list = Json::array();
        for (const QString &m : m_models)
            list.push_back(m);
        return TestHttpResponse::json(200, {{"model_list", list}});
    }
    if (request.method == "GET" && request.path == "/sdapi/v1/options")
        return TestHttpResponse::json(200,
                                      {{"sd_model_checkpoint", "sd_xl_base_1.0.safetensors [31e35c80fc]"}});
    const bool txt = request.path == "/sdapi/v1/txt2img";
    const bool img = request.path == "/sdapi/v1/img2img";
    if (request.method != "POST" || (!txt && !img))
        return TestHttpResponse::json(404, {{"detail", "Not Found"}});

    const Json body = request.json();
    if (!body.is_object())
        return TestHttpResponse::json(422, {{"detail", Json::array({{{"loc", {"body"}},
                                                                     {"msg", "value is not a valid dict"},
                                                                     {"type", "type_error.dict"}}})}});
    if (fault == Fault::ServiceError)
        return TestHttpResponse::json(422, {{"detail", Json::array({{{"loc", {"body", "sampler_name"}},
                                                                     {"msg", "Sampler not found"},
                                                                     {"type", "value_error"}}})}});
    Automatic1111Call call;
    call.endpoint = txt ? "txt2img" : "img2img";
    call.prompt = str(body, "prompt");
    call.negativePrompt = str(body, "negative_prompt");
    call.seed = body.contains("seed") && body["seed"].is_number_integer() ? body["seed"].get<qint64>() : -1;
    call.width = int(num(body, "width"));
    call.height = int(num(body, "height"));
    call.steps = int(num(body, "steps"));
    call.cfgScale = num(body, "cfg_scale");
    call.sampler = str(body, "sampler_name");
    call.denoisingStrength = num(body, "denoising_strength");
    if (body.contains("init_images") && body["init_images"].is_array())
        for (const Json &b : body["init_images"])
            if (b.is_string())
                call.initImages.append(
                    QByteArray::fromBase64(QByteArray::fromStdString(b.get<std::string>())));
    if (body.contains("alwayson_scripts") && body["alwayson_scripts"].contains("controlnet")) {
        const Json &args = body["alwayson_scripts"]["controlnet"]["args"];
        if (args.is_array()) {
            for (const Json &a : args) {
                if (!a.is_object() || !a.value("enabled", false))
                    continue;
                ControlNetUnit unit;
                unit.module = str(a, "module");
                unit.model = str(a, "model");
                unit.weight = num(a, "weight");
                unit.image =
                    QByteArray::fromBase64(QByteArray::fromStdString(a.value("image", std::string())));
                // Like the real extension, a model it does not know is silently ignored.
                if (m_models.contains(unit.model))
                    call.controlNet.append(unit);
            }
        }
    }
    if (img && call.initImages.isEmpty())
        return TestHttpResponse::json(422, {{"detail", Json::array({{{"loc", {"body", "init_images"}},
                                                                     {"msg", "field required"},
                                                                     {"type", "value_error.missing"}}})}});
    call.seedUsed = call.seed == -1 ? m_randomSeed : call.seed;
    m_calls.append(call);

    QByteArray b64 =
        solidPng(std::max(8, call.width / 16), std::max(8, call.height / 16), 0x884422).toBase64();
    if (fault == Fault::InvalidBase64)
        b64 = "%%%%" + b64;
    else if (fault == Fault::DecompressionBomb)
        b64 = pngHeaderClaiming(20000, 20000).toBase64();
    const Json info = {{"prompt", call.prompt.toStdString()},
                       {"seed", call.seedUsed},
                       {"all_seeds", Json::array({call.seedUsed})},
                       {"width", call.width},
                       {"height", call.height},
                       {"sampler_name", call.sampler.toStdString()}};
    return TestHttpResponse::json(
        200, {{"images", Json::array({b64.toStdString()})}, {"parameters", body}, {"info", info.dump()}});
}

} // namespace shotcraft::test
