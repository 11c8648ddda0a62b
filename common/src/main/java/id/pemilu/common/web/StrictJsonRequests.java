package id.pemilu.common.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies a service receives are read strictly: an unknown field ({@code "status":"verified"}) is refused, not
 * ignored; {@code 999.9} is not an integer and {@code "105"} is not a number. Only the server side: what a service
 * reads from another (the portal's REST clients) stays tolerant of fields added later.
 */
class StrictJsonRequests implements ServerHttpMessageConvertersCustomizer {

    @Override
    public void customize(HttpMessageConverters.ServerBuilder builder) {
        // only the plain JSON converter: subclasses (springdoc's, which writes the API document) keep their own ways
        builder.configureMessageConvertersList(converters -> converters.replaceAll(converter ->
                converter.getClass() == JacksonJsonHttpMessageConverter.class
                        ? new JacksonJsonHttpMessageConverter(strict(((JacksonJsonHttpMessageConverter) converter)
                        .getMapper())) : converter));
    }

    static JsonMapper strict(JsonMapper mapper) {
        return mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // also for wrapper types (Integer, Long, Boolean), which the feature above leaves to coercion configs
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .build();
    }
}
