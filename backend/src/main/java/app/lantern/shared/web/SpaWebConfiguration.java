package app.lantern.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the SPA built into the frontend jar ({@code classpath:/static}). Hashed assets are
 * cached for a year; the HTML entries are revalidated on every load. The citizens' public pages
 * ({@code /lookup}, {@code /feedback}, {@code /feedback/{code}}) get {@code public.html}, the light
 * entry without the staff app's libraries; any other path without a file extension (a deep link
 * such as {@code /plans/42}) gets {@code index.html} so the client-side router takes over.
 * {@code /graphql}, {@code /graphiql} and {@code /actuator} have their own handlers, which take
 * precedence over these.
 *
 * <p>A plan's page carries the plan's number, slash encoded ({@code /plans/2960%2FKH-TTCP}). Tomcat
 * refuses an encoded slash in a path by default; here it is decoded like any other character, so the
 * server sees {@code /plans/2960/KH-TTCP}, a client route answered with the index, while the
 * browser's address, which the client router reads, keeps the encoded number. The security firewall
 * allows the encoded slash and still refuses what would decode to {@code ..} (see
 * {@code SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class SpaWebConfiguration implements WebMvcConfigurer {

    private static final String STATIC = "classpath:/static/";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesPassThrough() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("decode"));
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(STATIC + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true);
        registry.addResourceHandler("/**")
                .addResourceLocations(STATIC)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new HistoryFallbackResolver());
    }

    /** The public pages' paths (without the leading slash), answered by the light entry. */
    static final Pattern PUBLIC_PAGE = Pattern.compile("(lookup|feedback|feedback/[^/]+)/?");

    /**
     * A public page's path gets {@code public.html}; any other missing path without an extension is a
     * client-side route of the staff SPA: answer with its index.
     */
    private static final class HistoryFallbackResolver extends PathResourceResolver {

        private final Resource index = new ClassPathResource("static/index.html");
        private final Resource publicPages = new ClassPathResource("static/public.html");

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource resource = super.getResource(resourcePath, location);
            if (resource != null) {
                return resource;
            }
            if (PUBLIC_PAGE.matcher(resourcePath).matches()) {
                return publicPages.exists() ? publicPages : null;
            }
            String lastSegment = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
            boolean clientRoute = !lastSegment.contains(".") && !resourcePath.startsWith("api/")
                    && !resourcePath.startsWith("graphql") && !resourcePath.startsWith("actuator");
            return clientRoute && index.exists() ? index : null;
        }
    }
}
