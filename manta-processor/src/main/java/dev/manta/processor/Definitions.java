package dev.manta.processor;

import dev.manta.RemoteActor;
import dev.manta.RemoteFunction;
import dev.manta.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads {@code @RemoteFunction} methods and {@code @RemoteActor} classes into {@link Remote}
 * models, reporting every invalid definition at the offending element with a message that says how
 * to fix it. A definition with an error produces no stub, so the only errors a user sees are these.
 */
final class Definitions {
  /** Most parameters a remote function, constructor or actor method may have (Fn6, Fn7). */
  static final int MAX_PARAMS = 6;

  /** Method names the function stub and its {@code Options} class use themselves. */
  static final Set<String> FUNCTION_STUB_NAMES =
      Set.of("withOptions", "name", "numCpus", "resource", "maxRetries", "retryExceptions");

  /** Method names the actor stub uses itself. */
  static final Set<String> ACTOR_STUB_NAMES = Set.of("remote", "builder", "handle", "of");

  /**
   * Types Manta refuses to serialize whatever they hold (they own threads, streams, sockets or
   * locks); the runtime's serializer refuses the same list.
   */
  private static final List<String> NEVER_SERIALIZABLE =
      List.of(
          "java.lang.Thread",
          "java.lang.ThreadGroup",
          "java.lang.ClassLoader",
          "java.io.InputStream",
          "java.io.OutputStream",
          "java.io.Reader",
          "java.io.Writer",
          "java.net.Socket",
          "java.net.ServerSocket",
          "java.nio.channels.Channel",
          "java.util.concurrent.locks.Lock",
          "java.util.concurrent.ExecutorService",
          "java.lang.ref.Reference");

  /** Types that serialize only in some cases: a warning, not an error. */
  private static final List<String> DOUBTFUL =
      List.of(
          "java.util.stream.BaseStream",
          "java.util.Iterator",
          "java.util.concurrent.Future",
          "java.lang.Runnable",
          "java.util.concurrent.Callable");

  private final Types types;
  private final Elements elements;
  private final Messager messager;
  private final TypeText text;

  Definitions(Types types, Elements elements, Messager messager) {
    this.types = types;
    this.elements = elements;
    this.messager = messager;
    this.text = new TypeText(types, elements);
  }

  /** What a remote callable returns. */
  enum Kind {
    VALUE,
    VOID,
    /** A {@code CompletionStage}; its value is the result. */
    ASYNC
  }

  /**
   * One remote callable: a function, an actor constructor or an actor method.
   *
   * @param value the result type (the stage's value for ASYNC; {@code void} for VOID; the actor for
   *     a constructor)
   */
  record Remote(ExecutableElement element, Kind kind, TypeMirror value) {}

  /** The valid {@code @RemoteFunction} methods of one class. */
  record FunctionClass(TypeElement owner, List<Remote> functions) {}

  /** A valid {@code @RemoteActor} class. */
  record ActorClass(TypeElement type, List<Remote> constructors, List<Remote> methods) {}

  /**
   * Checks a {@code @RemoteFunction} method. Returns empty if it is invalid (after reporting why)
   * or if it sits on an actor class, where it is not a remote function.
   */
  Optional<Remote> function(ExecutableElement m) {
    TypeElement owner = (TypeElement) m.getEnclosingElement();
    String name = owner.getSimpleName() + "." + m.getSimpleName();
    Set<Modifier> mods = m.getModifiers();
    if (owner.getAnnotation(RemoteActor.class) != null) {
      if (mods.contains(Modifier.STATIC)) {
        error(
            m,
            "Actor method %s is static, but actor methods run on the actor's instance: make it an"
                + " instance method, or move it to a class without @RemoteActor to keep it a remote"
                + " function",
            name);
      } else if (mods.contains(Modifier.PRIVATE)) {
        error(
            m,
            "Actor method %s is private, so no stub or caller can reach it: make it public",
            name);
      } else {
        warn(
            m,
            "@RemoteFunction on actor method %s has no effect: every public method of a"
                + " @RemoteActor is remote, and actor calls take no per-call options; remove it",
            name);
      }
      return Optional.empty();
    }
    boolean ok = true;
    if (!mods.contains(Modifier.STATIC)) {
      ok =
          error(
              m,
              "Remote function %s is not static: a remote function runs without an instance of %s."
                  + " Make it static, or annotate the class with @RemoteActor to call its instance"
                  + " methods on an actor",
              name,
              owner.getSimpleName());
    }
    if (mods.contains(Modifier.PRIVATE)) {
      ok =
          error(
              m,
              "Remote function %s is private, so its stub cannot call it: make it package-private"
                  + " or public",
              name);
    }
    ok &= reachable(owner, m, "remote function " + name);
    ok &= parameters(m, name);
    ok &= functionOptions(m, m.getAnnotation(RemoteFunction.class));
    if (FUNCTION_STUB_NAMES.contains(m.getSimpleName().toString())) {
      ok =
          error(
              m,
              "Name clash in generated code: %s_ uses the name '%s' itself (names %s are"
                  + " taken). Rename the function",
              TypeText.flatName(owner),
              m.getSimpleName(),
              FUNCTION_STUB_NAMES);
    }
    // Only actor methods are asynchronous: a task's stage is a value like any other (and
    // a doubtful one, which serializable() warns about).
    Kind kind = m.getReturnType().getKind() == TypeKind.VOID ? Kind.VOID : Kind.VALUE;
    TypeMirror value = m.getReturnType();
    ok &= serializable(m, "the result of " + name, value, false);
    return ok ? Optional.of(new Remote(m, kind, value)) : Optional.empty();
  }

  /**
   * Checks that the stubs of {@code functions}, all declared in {@code owner}, have distinct
   * erasures; reports and drops clashing ones.
   */
  FunctionClass functionClass(TypeElement owner, List<Remote> functions) {
    String stub = TypeText.flatName(owner) + "_";
    List<Remote> kept = distinctOverloads(stub, functions, r -> r.element().getSimpleName() + "");
    return new FunctionClass(owner, kept);
  }

  /** Checks a {@code @RemoteActor} class; empty if it is invalid, after reporting why. */
  Optional<ActorClass> actor(TypeElement type) {
    String name = type.getSimpleName().toString();
    switch (type.getKind()) {
      case INTERFACE, ANNOTATION_TYPE -> {
        error(
            type,
            "@RemoteActor %s is an interface, but an actor is an instance of a class: annotate"
                + " the class that implements it",
            name);
        return Optional.empty();
      }
      case ENUM -> {
        error(
            type,
            "@RemoteActor %s is an enum, whose instances cannot be created: use a class",
            name);
        return Optional.empty();
      }
      default -> {}
    }
    boolean ok = true;
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      ok =
          error(
              type,
              "@RemoteActor %s is abstract, so it cannot be instantiated: annotate a concrete"
                  + " subclass instead",
              name);
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      ok =
          error(
              type,
              "@RemoteActor %s is a non-static inner class, which needs an instance of %s to be"
                  + " created: declare it static",
              name,
              type.getEnclosingElement().getSimpleName());
    }
    if (!type.getTypeParameters().isEmpty()) {
      ok =
          error(
              type,
              "@RemoteActor %s has type parameters, which stubs do not support: make a non-generic"
                  + " subclass the actor, or use Manta.actor(%s::new) without a stub",
              name,
              name);
    }
    ok &= reachable(type, type, "@RemoteActor " + name);
    ok &= actorOptions(type, type.getAnnotation(RemoteActor.class));

    List<Remote> constructors = new ArrayList<>();
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      if (parameters(c, name + " constructor")) {
        constructors.add(new Remote(c, Kind.VALUE, type.asType()));
      } else {
        ok = false;
      }
    }
    if (constructors.isEmpty() && ok) {
      ok =
          error(
              type,
              "@RemoteActor %s has no accessible constructor: add a constructor that is not private",
              name);
    }

    List<Remote> methods = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (!m.getModifiers().contains(Modifier.PUBLIC)
          || m.getModifiers().contains(Modifier.STATIC)
          || isObjectMethod(m, type)) {
        continue;
      }
      String mname = name + "." + m.getSimpleName();
      Element at = m.getEnclosingElement().equals(type) ? m : type;
      boolean mok = true;
      if (ACTOR_STUB_NAMES.contains(m.getSimpleName().toString())) {
        mok =
            error(
                at,
                "Name clash in generated code: %sActor uses the name '%s' itself (names %s are"
                    + " taken). Rename the method",
                TypeText.flatName(type),
                m.getSimpleName(),
                ACTOR_STUB_NAMES);
      }
      mok &= parameters(m, mname);
      Kind kind = kindOf(m.getReturnType());
      TypeMirror value = valueOf(m.getReturnType(), kind);
      mok &= serializable(at, "the result of " + mname, value, false);
      if (mok) {
        methods.add(new Remote(m, kind, value));
      }
      ok &= mok;
    }
    String stub = TypeText.flatName(type) + "Actor";
    int before = constructors.size() + methods.size();
    constructors = distinctOverloads(stub, constructors, r -> "remote");
    methods = distinctOverloads(stub, methods, r -> r.element().getSimpleName() + "");
    ok &= constructors.size() + methods.size() == before;
    return ok ? Optional.of(new ActorClass(type, constructors, methods)) : Optional.empty();
  }

  /** Reports a clash between a generated type's name and an existing type. */
  boolean stubNameFree(TypeElement source, String stubQualifiedName) {
    TypeElement existing = elements.getTypeElement(stubQualifiedName);
    if (existing == null) {
      return true;
    }
    return error(
        source,
        "Name clash in generated code: Manta generates %s for %s, but that type already exists."
            + " Rename one of them",
        stubQualifiedName,
        source.getSimpleName());
  }

  // ---- rules shared by functions, constructors and actor methods

  private boolean parameters(ExecutableElement m, String name) {
    boolean ok = true;
    if (m.getParameters().size() > MAX_PARAMS) {
      ok =
          error(
              m,
              "%s has %d parameters; remote calls take at most %d. Group them in a record",
              name,
              m.getParameters().size(),
              MAX_PARAMS);
    }
    for (VariableElement p : m.getParameters()) {
      ok &= serializable(p, "parameter '" + p.getSimpleName() + "' of " + name, p.asType(), true);
    }
    return ok;
  }

  /** Errors for never-serializable types, warnings for doubtful ones; checks type arguments too. */
  private boolean serializable(Element at, String what, TypeMirror t, boolean parameter) {
    switch (t.getKind()) {
      case ARRAY -> {
        return serializable(at, what, ((ArrayType) t).getComponentType(), parameter);
      }
      case DECLARED -> {}
      default -> {
        return true;
      }
    }
    TypeMirror erased = types.erasure(t);
    for (String never : NEVER_SERIALIZABLE) {
      if (isSubtype(erased, never)) {
        return error(
            at,
            "%s has type %s, which Manta can never serialize (it is a %s, tied to this process)."
                + " Pass the data instead (bytes, a path, a record of settings)",
            capitalized(what),
            text.source(t),
            never);
      }
    }
    for (String doubtful : DOUBTFUL) {
      if (isSubtype(erased, doubtful)) {
        warn(
            at,
            "%s has type %s, which may not serialize (a %s usually holds live state or a"
                + " lambda). Prefer a collection or a record of the data",
            capitalized(what),
            text.source(t),
            doubtful);
      }
    }
    TypeElement element = (TypeElement) ((DeclaredType) t).asElement();
    String pkg = elements.getPackageOf(element).getQualifiedName().toString();
    if (parameter
        && pkg.equals("java.util.function")
        && element.getKind() == ElementKind.INTERFACE) {
      warn(
          at,
          "%s has type %s: a lambda serializes only if its type is Serializable. Prefer a remote"
              + " function reference or data",
          capitalized(what),
          text.source(t));
    }
    boolean ok = true;
    for (TypeMirror arg : ((DeclaredType) t).getTypeArguments()) {
      if (arg.getKind() == TypeKind.DECLARED || arg.getKind() == TypeKind.ARRAY) {
        ok &= serializable(at, what, arg, parameter);
      }
    }
    return ok;
  }

  private boolean reachable(TypeElement type, Element at, String what) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        return error(
            at,
            "%s is declared inside a method, where generated code cannot reach it: move %s to"
                + " the top level or make it a static nested class",
            capitalized(what),
            t.getSimpleName());
      }
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return error(
            at,
            "%s is inside private class %s, which generated code cannot reach: make %s"
                + " package-private or public",
            capitalized(what),
            t.getSimpleName(),
            t.getSimpleName());
      }
    }
    return true;
  }

  private boolean functionOptions(Element at, RemoteFunction a) {
    boolean ok = nonNegative(at, "numCpus", a.numCpus());
    if (a.maxRetries() < -1 && a.maxRetries() != RemoteFunction.CONFIGURED_RETRIES) {
      ok = error(at, "maxRetries must be >= 0, or -1 to retry forever; was %d", a.maxRetries());
    }
    if (a.retryExceptions() && !retryExceptionTypes(a).isEmpty()) {
      ok =
          error(
              at,
              "Give retryExceptions = true (retry every exception) or retryExceptionTypes (retry"
                  + " only those), not both");
    }
    boolean resourcesOk = resources(at, a.resources()); // always run: report every error
    return ok && resourcesOk;
  }

  /**
   * The canonical names of {@code a}'s {@code retryExceptionTypes}, read as type mirrors (the
   * classes are not loaded while compiling).
   */
  static List<String> retryExceptionTypes(RemoteFunction a) {
    try {
      Class<?>[] loaded = a.retryExceptionTypes(); // only if they were already on the class path
      List<String> out = new java.util.ArrayList<>();
      for (Class<?> c : loaded) {
        out.add(c.getCanonicalName());
      }
      return out;
    } catch (javax.lang.model.type.MirroredTypesException e) {
      return e.getTypeMirrors().stream().map(Object::toString).toList();
    }
  }

  private boolean actorOptions(Element at, RemoteActor a) {
    boolean ok = nonNegative(at, "numCpus", a.numCpus());
    if (a.maxConcurrency() < 1) {
      ok = error(at, "maxConcurrency must be >= 1, was %d", a.maxConcurrency());
    }
    if (a.maxPendingCalls() < 1) {
      ok = error(at, "maxPendingCalls must be >= 1, was %d", a.maxPendingCalls());
    }
    if (a.maxRestarts() < -1) {
      ok = error(at, "maxRestarts must be >= 0, or -1 for unlimited; was %d", a.maxRestarts());
    }
    if (a.maxTaskRetries() < -1) {
      ok =
          error(at, "maxTaskRetries must be >= 0, or -1 for unlimited; was %d", a.maxTaskRetries());
    }
    boolean resourcesOk = resources(at, a.resources()); // always run: report every error
    return ok && resourcesOk;
  }

  private boolean resources(Element at, Resource[] resources) {
    boolean ok = true;
    Map<String, Double> seen = new LinkedHashMap<>();
    for (Resource r : resources) {
      if (r.name().isBlank()) {
        ok = error(at, "A @Resource needs a name, e.g. @Resource(name = \"GPU\", amount = 1)");
      } else if (seen.put(r.name(), r.amount()) != null) {
        ok = error(at, "Resource '%s' is declared twice: keep one", r.name());
      }
      ok &= nonNegative(at, "resource '" + r.name() + "'", r.amount());
    }
    return ok;
  }

  private boolean nonNegative(Element at, String what, double value) {
    if (Double.isFinite(value) && value >= 0) {
      return true;
    }
    return error(at, "%s must be a finite number >= 0, was %s", what, value);
  }

  /**
   * Keeps the callables whose stub overloads do not clash after erasure with an earlier one's (e.g.
   * {@code add(int)} and {@code add(long)} both give {@code add(ObjectRef)}).
   */
  private List<Remote> distinctOverloads(
      String stub, List<Remote> all, java.util.function.Function<Remote, String> stubName) {
    Map<String, Remote> signatures = new LinkedHashMap<>();
    List<Remote> kept = new ArrayList<>();
    for (Remote r : all) {
      List<String> mine = new ArrayList<>();
      Remote clash = null;
      String clashing = null;
      int n = r.element().getParameters().size();
      for (int mask = 0; mask < (1 << n) && clash == null; mask++) {
        List<String> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          params.add(
              (mask & (1 << i)) != 0
                  ? "dev.manta.ObjectRef"
                  : text.keyName(r.element().getParameters().get(i).asType()));
        }
        String sig = stubName.apply(r) + "(" + String.join(", ", params) + ")";
        clash = signatures.get(sig);
        clashing = sig;
        mine.add(sig);
      }
      if (clash != null) {
        error(
            r.element(),
            "Name clash in generated code: %s.%s would stand for both %s and %s. Rename one of"
                + " them, or give them different numbers of parameters",
            stub,
            clashing,
            describe(clash.element()),
            describe(r.element()));
        continue;
      }
      mine.forEach(sig -> signatures.put(sig, r));
      kept.add(r);
    }
    return kept;
  }

  private String describe(ExecutableElement e) {
    List<String> params = new ArrayList<>();
    for (VariableElement p : e.getParameters()) {
      params.add(text.source(p.asType()));
    }
    String name =
        e.getKind() == ElementKind.CONSTRUCTOR
            ? e.getEnclosingElement().getSimpleName().toString()
            : e.getSimpleName().toString();
    return name + "(" + String.join(", ", params) + ")";
  }

  private Kind kindOf(TypeMirror returns) {
    if (returns.getKind() == TypeKind.VOID) {
      return Kind.VOID;
    }
    return stageValue(returns) != null ? Kind.ASYNC : Kind.VALUE;
  }

  private TypeMirror valueOf(TypeMirror returns, Kind kind) {
    return kind == Kind.ASYNC ? stageValue(returns) : returns;
  }

  /** The {@code T} of a type that is a {@code CompletionStage<T>}, or null. */
  private TypeMirror stageValue(TypeMirror t) {
    if (t.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType d = (DeclaredType) t;
    if (((TypeElement) d.asElement())
        .getQualifiedName()
        .contentEquals("java.util.concurrent.CompletionStage")) {
      return d.getTypeArguments().isEmpty()
          ? elements.getTypeElement("java.lang.Object").asType()
          : d.getTypeArguments().get(0);
    }
    for (TypeMirror s : types.directSupertypes(t)) {
      TypeMirror v = stageValue(s);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private boolean isObjectMethod(ExecutableElement m, TypeElement type) {
    TypeElement object = elements.getTypeElement("java.lang.Object");
    if (m.getEnclosingElement().equals(object)) {
      return true;
    }
    for (ExecutableElement o : ElementFilter.methodsIn(object.getEnclosedElements())) {
      if (elements.overrides(m, o, type)) {
        return true;
      }
    }
    return false;
  }

  private boolean isSubtype(TypeMirror erased, String qualifiedName) {
    TypeElement target = elements.getTypeElement(qualifiedName);
    return target != null && types.isSubtype(erased, types.erasure(target.asType()));
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Reports an error; returns false so that callers can write {@code ok = error(...)}. */
  @SuppressWarnings("AnnotateFormatMethod") // no annotations dependency in the processor
  private boolean error(Element at, String format, Object... args) {
    messager.printMessage(Diagnostic.Kind.ERROR, String.format(format, args), at);
    return false;
  }

  @SuppressWarnings("AnnotateFormatMethod") // no annotations dependency in the processor
  private void warn(Element at, String format, Object... args) {
    messager.printMessage(Diagnostic.Kind.WARNING, String.format(format, args), at);
  }
}
