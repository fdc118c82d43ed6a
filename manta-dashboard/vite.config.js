import { defineConfig } from 'vite';

// The bundle goes straight into the jar's classes: the head serves it from the class path
// (dev.manta.cluster.dashboard.Dashboard reads dev/manta/dashboard/web/). Nothing is loaded
// from elsewhere at run time: no CDN, no web fonts.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/dev/manta/dashboard/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
