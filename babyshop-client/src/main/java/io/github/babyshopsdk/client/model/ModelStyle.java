package io.github.babyshopsdk.client.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style shared by every value type of this package.
 *
 * <p>Generated implementations ({@code ImmutableX}) are package-private and depend on the JDK only; users see the nested {@code X.Builder}; builders
 * accept {@code null} for {@code Optional} attributes (meaning "absent"). Each value type exposes its
 * builder through a static {@code builder()} method. Package-private on purpose: it is a build-time
 * convention of this package, not API.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(jdkOnly = true, optionalAcceptNullable = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
@interface ModelStyle {}
