package org.dutychain.config;

import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link ImportLimits}, and for the web server the multipart set-up they imply: uploads
 * up to {@link ImportLimits#upload()}, spooled to disk only inside a private temporary
 * folder (owner-only, {@code rwx------}) so no other local user can read an upload while
 * it is processed; the servlet container deletes each part after the request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportLimits.class)
class ImportLimitsConfiguration {

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(MultipartConfigElement.class)
	MultipartConfigElement multipartConfigElement(ImportLimits limits) {
		Path folder = PrivateFiles.createTempDirectory("dutychain-uploads-");
		folder.toFile().deleteOnExit();
		long max = limits.upload().toBytes();
		return new MultipartConfigElement(folder.toString(), max, max + (1 << 20), 1 << 20);
	}

}
