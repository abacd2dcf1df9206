import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../src-shared/contract/envelope.ts';
import { createPreloadBridge } from './preload-bridge.ts';

// Bundled to one CommonJS file: sandboxed preloads cannot load other modules.
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createPreloadBridge(ipcRenderer));
