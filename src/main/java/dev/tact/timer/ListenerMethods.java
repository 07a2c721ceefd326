package dev.tact.timer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The after-commit listener methods of this application by the id Spring Modulith stores with each publication,
 * and a way to call one on the calling thread: its bean's own method, past the proxy that would hand the call to the
 * listener executor and record its outcome by the event's value (ADR 0056: the caller records it by id).
 */
@Component
class ListenerMethods {

  /** One listener method and the bean it belongs to. */
  record ListenerMethod(String beanName, Method method) {}

  private final ApplicationContext context;
  private volatile Map<String, ListenerMethod> byId;

  ListenerMethods(ApplicationContext context) {
    this.context = context;
  }

  Optional<ListenerMethod> find(String listenerId) {
    Map<String, ListenerMethod> known = byId;
    if (known == null) {
      known = byId = scan();
    }
    return Optional.ofNullable(known.get(listenerId));
  }

  /** Calls the listener with the event on this thread; what the listener throws is thrown. */
  void invoke(ListenerMethod listener, Object event) {
    Method method = listener.method();
    if (method.getParameterCount() != 1 || !method.getParameterTypes()[0].isInstance(event)) {
      throw new IllegalStateException(method + " does not take a " + event.getClass().getName());
    }
    Object target = context.getBean(listener.beanName());
    for (Object inner = AopProxyUtils.getSingletonTarget(target); inner != null;
        inner = AopProxyUtils.getSingletonTarget(inner)) {
      target = inner;
    }
    ReflectionUtils.makeAccessible(method);
    try {
      method.invoke(target, event);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** As Spring Modulith names them: after-commit transactional event listeners, by their listener id. */
  private Map<String, ListenerMethod> scan() {
    Map<String, ListenerMethod> found = new HashMap<>();
    for (String beanName : context.getBeanDefinitionNames()) {
      if (ScopedProxyUtils.isScopedTarget(beanName)) {
        continue;
      }
      Class<?> type = context.getType(beanName, false);
      if (type == null) {
        continue;
      }
      Class<?> userType = ClassUtils.getUserClass(type);
      Map<Method, TransactionalEventListener> methods;
      try {
        methods = MethodIntrospector.selectMethods(userType,
            (MethodIntrospector.MetadataLookup<TransactionalEventListener>) m ->
                AnnotatedElementUtils.findMergedAnnotation(m, TransactionalEventListener.class));
      } catch (RuntimeException | LinkageError e) {
        continue; // a library bean whose class cannot be introspected here, as Spring's own listener scan skips it
      }
      methods.forEach((method, annotation) -> {
        if (annotation.phase() == TransactionPhase.AFTER_COMMIT) {
          String id = new TransactionalApplicationListenerMethodAdapter(beanName, userType, method).getListenerId();
          found.put(id, new ListenerMethod(beanName, method));
        }
      });
    }
    return Map.copyOf(found);
  }
}
