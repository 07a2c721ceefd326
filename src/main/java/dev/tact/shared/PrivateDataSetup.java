package dev.tact.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes the embedded database's folder private ({@link PrivateDataFolder}) before any bean, the data source
 * included, is made, and keeps new files in it private while the application runs. A folder that cannot be made
 * private stops the start.
 */
@Component
class PrivateDataSetup implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

  private Environment environment;
  private Optional<PrivateDataFolder> folder = Optional.empty();

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    folder = PrivateDataFolder.ofJdbcUrl(environment.getProperty("spring.datasource.url"));
    folder.ifPresent(f -> {
      try {
        f.secure();
        f.watch();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot make " + f.folder() + " private to the user running Tact ("
            + e.getMessage() + "): check its owner and permissions", e);
      }
    });
  }

  @Override
  public void destroy() throws IOException {
    if (folder.isPresent()) {
      folder.get().close();
    }
  }
}
