// Inworld answers errors the way gRPC-gateway does: the HTTP status plus { code, message, details }, where
// code is the gRPC status (google.rpc.Code). The API client reads both, so the double speaks the same.

const GRPC_CODE_BY_HTTP_STATUS: Record<number, number> = {
  400: 3, // INVALID_ARGUMENT
  401: 16, // UNAUTHENTICATED
  403: 7, // PERMISSION_DENIED
  404: 5, // NOT_FOUND
  409: 10, // ABORTED
  429: 8, // RESOURCE_EXHAUSTED
  499: 1, // CANCELLED
  500: 13, // INTERNAL
  501: 12, // UNIMPLEMENTED
  503: 14, // UNAVAILABLE
  504: 4, // DEADLINE_EXCEEDED
};

export function grpcCodeFor(status: number): number {
  return GRPC_CODE_BY_HTTP_STATUS[status] ?? (status >= 500 ? 13 : 2); // 2 = UNKNOWN
}

export class VoiceApiError extends Error {
  override readonly name = "VoiceApiError";
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export function errorResponse(status: number, message: string): Response {
  return Response.json({ code: grpcCodeFor(status), message, details: [] }, { status });
}
