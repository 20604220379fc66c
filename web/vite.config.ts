import { defineConfig } from "vite";

// The web app for support staff, served by the API at `/`. Workspace packages resolve to their
// TypeScript source, so the app always matches the contract it was built with.
export default defineConfig({
  root: ".",
  base: "/",
  resolve: { conditions: ["source"] },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  worker: { format: "es" },
  server: { proxy: { "/v1": "http://127.0.0.1:3000", "/docs": "http://127.0.0.1:3000" } },
});
