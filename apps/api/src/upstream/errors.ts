/** The upstream could not be used: unreachable (502), too slow (504) or answered nonsense (502). */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    readonly kind: 'network' | 'timeout' | 'bad_response',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
