package dev.manta.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes types as Java source and as registry keys. Source text uses fully qualified names only, so
 * generated code never depends on imports or on what user classes are called; type annotations are
 * dropped.
 */
final class TypeText {
  private final Types types;
  private final Elements elements;

  TypeText(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** {@code t} as source, e.g. {@code java.util.List<java.lang.String>} or {@code long[]}. */
  String source(TypeMirror t) {
    return switch (t.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE, VOID ->
          t.getKind().name().toLowerCase(java.util.Locale.ROOT);
      case ARRAY -> source(((ArrayType) t).getComponentType()) + "[]";
      case TYPEVAR -> ((TypeVariable) t).asElement().getSimpleName().toString();
      case WILDCARD -> wildcard((WildcardType) t);
      case DECLARED -> declared((DeclaredType) t);
      default -> t.toString();
    };
  }

  /** {@code t} boxed if primitive ({@code void} becomes {@code java.lang.Void}), as source. */
  String boxed(TypeMirror t) {
    if (t.getKind() == TypeKind.VOID) {
      return "java.lang.Void";
    }
    if (t.getKind().isPrimitive()) {
      return types.boxedClass(types.getPrimitiveType(t.getKind())).getQualifiedName().toString();
    }
    return source(t);
  }

  /**
   * {@code t} boxed, as source, with every type variable erased: for the registry, which has no
   * type parameters in scope. Raw types may result.
   */
  String boxedErased(TypeMirror t) {
    return mentionsTypeVariable(t) ? boxed(types.erasure(t)) : boxed(t);
  }

  /** The erased type as a registry key writes it: binary names, {@code []} per dimension. */
  String keyName(TypeMirror t) {
    TypeMirror e = types.erasure(t);
    return switch (e.getKind()) {
      case ARRAY -> keyName(((ArrayType) e).getComponentType()) + "[]";
      case DECLARED ->
          elements.getBinaryName((TypeElement) ((DeclaredType) e).asElement()).toString();
      default -> source(e);
    };
  }

  /** The registry key of a method or constructor; see {@code dev.manta.spi.FunctionRegistry}. */
  String key(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String name =
        method.getSimpleName().contentEquals("<init>") ? "new" : method.getSimpleName().toString();
    List<String> params = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      params.add(keyName(p.asType()));
    }
    return elements.getBinaryName(owner) + "#" + name + "(" + String.join(",", params) + ")";
  }

  /** {@code <T extends Comparable<T>, U>} for the method's type parameters, or empty. */
  String typeParameters(ExecutableElement method) {
    if (method.getTypeParameters().isEmpty()) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (TypeParameterElement p : method.getTypeParameters()) {
      List<String> bounds = new ArrayList<>();
      for (TypeMirror b : p.getBounds()) {
        if (!b.toString().equals("java.lang.Object")) {
          bounds.add(source(b));
        }
      }
      out.add(
          p.getSimpleName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds)));
    }
    return "<" + String.join(", ", out) + "> ";
  }

  /** The source name of a type element: {@code com.x.Outer.Inner}. */
  static String qualified(TypeElement type) {
    return type.getQualifiedName().toString();
  }

  /** Simple names from the top-level class down, joined by {@code _}: {@code Outer_Inner}. */
  static String flatName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    TypeElement current = type;
    while (current.getNestingKind() == NestingKind.MEMBER) {
      current = (TypeElement) current.getEnclosingElement();
      name.insert(0, current.getSimpleName() + "_");
    }
    return name.toString();
  }

  boolean mentionsTypeVariable(TypeMirror t) {
    return switch (t.getKind()) {
      case TYPEVAR -> true;
      case ARRAY -> mentionsTypeVariable(((ArrayType) t).getComponentType());
      case WILDCARD -> {
        WildcardType w = (WildcardType) t;
        yield (w.getExtendsBound() != null && mentionsTypeVariable(w.getExtendsBound()))
            || (w.getSuperBound() != null && mentionsTypeVariable(w.getSuperBound()));
      }
      case DECLARED ->
          ((DeclaredType) t).getTypeArguments().stream().anyMatch(this::mentionsTypeVariable);
      default -> false;
    };
  }

  private String wildcard(WildcardType w) {
    if (w.getExtendsBound() != null) {
      return "? extends " + source(w.getExtendsBound());
    }
    if (w.getSuperBound() != null) {
      return "? super " + source(w.getSuperBound());
    }
    return "?";
  }

  private String declared(DeclaredType t) {
    String name = qualified((TypeElement) t.asElement());
    if (t.getTypeArguments().isEmpty()) {
      return name;
    }
    return name
        + t.getTypeArguments().stream()
            .map(this::source)
            .collect(Collectors.joining(", ", "<", ">"));
  }
}
