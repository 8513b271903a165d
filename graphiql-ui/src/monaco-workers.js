// Monaco editor web workers, served next to this bundle (built by build.mjs into ./workers/).
// Resolved against this module's URL, so they load from the application, never from a CDN.
const workerUrl = (name) => new URL(`./workers/${name}.worker.js`, import.meta.url);

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    switch (label) {
      case 'json':
        return new Worker(workerUrl('json'));
      case 'graphql':
        return new Worker(workerUrl('graphql'));
      default:
        return new Worker(workerUrl('editor'));
    }
  },
};
