package dev.manta.cluster.rpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a service answer a request that does not parse, or that its handler rejects with an {@link
 * IllegalArgumentException} (an id out of range, say), with {@code INVALID_ARGUMENT} naming the
 * method and the problem, instead of gRPC's own handling.
 *
 * <p>Why: gRPC parses a request on the server after the interceptors and before the first listener
 * sees it; when the parser throws, it closes the call with {@code UNKNOWN} ("Application error
 * processing RPC"), rethrows, and its executor logs the exception at SEVERE with a stack trace of
 * some fifty lines, once per malformed message: a caller could fill the node's log at will, and the
 * status blames the application. The same for an exception thrown by a handler: the ids of {@code
 * manta.proto} are checked as they are converted ({@code Wire}), so a parsed request with an object
 * index of 0 threw there. Found by {@code ClusterFuzzTest} (issue 18). Other exceptions of a
 * handler are bugs, and keep gRPC's handling (UNKNOWN, logged).
 *
 * <p>How: each method's request marshaller is wrapped so that a failed parse returns null (logged
 * at DEBUG only); a handler in front of the service's own closes such a call with {@code
 * INVALID_ARGUMENT}, drops what the caller sends after it, and tells the service's listener the
 * call was cancelled (so a streaming handler ends its stream as for a client that went away).
 *
 * <p>Implementation notes: gRPC calls a call's listener methods one at a time, each
 * happening-before the next (its serializing executor), so the per-call flag {@code refused} needs
 * no lock; it is set by the listener thread of the message that failed and read only by later
 * callbacks of the same call.
 */
final class MalformedRequests {
  private static final Logger LOG = LoggerFactory.getLogger(MalformedRequests.class);

  private MalformedRequests() {}

  /** {@code service} with every method's malformed requests refused with INVALID_ARGUMENT. */
  static ServerServiceDefinition refuseCleanly(ServerServiceDefinition service) {
    ServiceDescriptor old = service.getServiceDescriptor();
    ServiceDescriptor.Builder d =
        ServiceDescriptor.newBuilder(old.getName()).setSchemaDescriptor(old.getSchemaDescriptor());
    java.util.List<ServerMethodDefinition<?, ?>> methods = new java.util.ArrayList<>();
    for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
      ServerMethodDefinition<?, ?> checked = checked(m);
      d.addMethod(checked.getMethodDescriptor());
      methods.add(checked);
    }
    ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(d.build());
    for (ServerMethodDefinition<?, ?> m : methods) {
      b.addMethod(m);
    }
    return b.build();
  }

  private static <Q, R> ServerMethodDefinition<Q, R> checked(ServerMethodDefinition<Q, R> m) {
    MethodDescriptor<Q, R> method = m.getMethodDescriptor();
    MethodDescriptor<Q, R> checked =
        method.toBuilder()
            .setRequestMarshaller(
                new NullOnFailure<>(method.getRequestMarshaller(), method.getFullMethodName()))
            .build();
    return ServerMethodDefinition.create(checked, new Refuse<>(m.getServerCallHandler()));
  }

  private static String method(ServerCall<?, ?> call) {
    return call.getMethodDescriptor().getFullMethodName();
  }

  /** A marshaller that returns null where the wrapped one fails to parse. */
  private record NullOnFailure<Q>(MethodDescriptor.Marshaller<Q> delegate, String method)
      implements MethodDescriptor.Marshaller<Q> {
    @Override
    public InputStream stream(Q value) {
      return delegate.stream(value);
    }

    @Override
    // null is the signal Refuse acts on
    public Q parse(InputStream stream) {
      try {
        return delegate.parse(stream);
      } catch (RuntimeException e) {
        LOG.debug("Refused a malformed {} request: {}", method, Rpc.rootMessage(e));
        return null;
      }
    }
  }

  /** Closes a call whose request did not parse; passes every other call through. */
  private record Refuse<Q, R>(ServerCallHandler<Q, R> next) implements ServerCallHandler<Q, R> {
    @Override
    public ServerCall.Listener<Q> startCall(ServerCall<Q, R> call, Metadata headers) {
      return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
          next.startCall(call, headers)) {
        private boolean refused;

        @Override
        public void onMessage(Q message) {
          if (refused) {
            return;
          }
          if (message == null) {
            refuse(
                "The request to "
                    + method(call)
                    + " is not a valid protobuf message of its type; the caller is not a Manta"
                    + " process of this version, or its bytes were damaged");
            return;
          }
          try {
            super.onMessage(message);
          } catch (IllegalArgumentException e) {
            refuse(invalid(e));
          }
        }

        @Override
        public void onHalfClose() {
          if (refused) {
            return;
          }
          try {
            super.onHalfClose();
          } catch (IllegalArgumentException e) {
            refuse(invalid(e));
          }
        }

        private String invalid(IllegalArgumentException e) {
          LOG.debug("Refused an invalid {} request: {}", method(call), e.toString());
          return "The request to " + method(call) + " is invalid: " + e.getMessage();
        }

        private void refuse(String why) {
          refused = true;
          try {
            call.close(Status.INVALID_ARGUMENT.withDescription(why), new Metadata());
          } catch (IllegalStateException closedAlready) {
            // The handler ended the call before it failed: the caller has its status.
            LOG.debug("{} was closed before its request was refused", method(call));
          }
        }

        @Override
        public void onReady() {
          if (!refused) {
            super.onReady();
          }
        }

        @Override
        public void onComplete() {
          if (refused) {
            super.onCancel(); // the service did not finish this call: it ended without it
          } else {
            super.onComplete();
          }
        }
      };
    }
  }
}
