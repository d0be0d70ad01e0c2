package dev.staplescan.batch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

/**
 * Spring Batch's job scope without a proxy: one instance per job execution (and JVM), built on first
 * use from the job execution, closed when the execution ends.
 *
 * <p>Why not {@code @JobScope}, which proxies: a proxy looks the instance up in the job context on
 * every call, and the threads that call a scanner have none (the scan reader's own virtual threads;
 * see {@link WorkerJobScope} for the partition threads). Without a proxy the instance is resolved
 * once, when the step-scoped reader or processor that needs it is built on a partition thread, and is
 * then used directly. Such a bean can therefore be injected only into job- or step-scoped beans (the
 * scanner, probe and assessor are final classes, which a class proxy could not subclass anyway).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Scope(value = "job", proxyMode = ScopedProxyMode.NO)
public @interface PerRun {}
