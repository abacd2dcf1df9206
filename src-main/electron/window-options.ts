import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window: the renderer is untrusted content with no Node access. It talks to the core only
 * through the preload's narrow bridge; everything else stays off.
 */
export const createWindowOptions = (preloadPath: string): BrowserWindowConstructorOptions => ({
  width: 1280,
  height: 820,
  minWidth: 960,
  minHeight: 600,
  show: false,
  title: 'Bazgasht',
  backgroundColor: '#f6f5f1',
  autoHideMenuBar: true,
  webPreferences: {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  },
});
