import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEADER_CSP, RENDERER_CSP } from '../../../src/server/security-headers.js';

describe('Content-Security-Policy', () => {
  it("equals the renderer's meta tag, so Electron (file://) and the browser run the page under one policy", () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta).toBe(RENDERER_CSP);
  });

  it('forbids inline scripts, plugins and framing', () => {
    expect(RENDERER_CSP).toContain("script-src 'self';");
    expect(RENDERER_CSP).not.toContain('unsafe-inline');
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
    expect(RENDERER_CSP).toContain("object-src 'none'");
    expect(HEADER_CSP).toContain("frame-ancestors 'none'");
  });
});
