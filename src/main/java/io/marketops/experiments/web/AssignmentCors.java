package io.marketops.experiments.web;

import io.marketops.experiments.ExperimentsProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The JS helper on a customer's site (another origin) asks for assignments: browsers need CORS
 * for that call, and only for that call — every other /api/v1 endpoint stays same-origin. Origins
 * come from {@link ExperimentsProperties#allowedOrigins()}; with none configured nothing is
 * allowed. The API security chain applies these MVC mappings (preflights included) before it
 * asks for a token, so a preflight, which carries no token, is answered.
 */
@Configuration(proxyBeanMethods = false)
class AssignmentCors implements WebMvcConfigurer {
    static final String PATH = "/api/v1/experiments/*/assignment";
    private final ExperimentsProperties props;

    AssignmentCors(ExperimentsProperties props) {
        this.props = props;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (props.allowedOrigins().isEmpty()) return;
        registry.addMapping(PATH).allowedOriginPatterns(props.allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET").allowedHeaders("Authorization", "Accept", "Content-Type")
                .allowCredentials(false).maxAge(3600);
    }
}
