// The error a template that cannot be rendered raises.

export class RenderError extends Error {
  override name = 'RenderError';
}
