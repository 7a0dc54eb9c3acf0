// @types/react is not installed in this workspace: React and the JSX runtime are typed loosely here (as in
// gateway/graphiql), so the type check covers the console's own code and Chart.js's typings.
declare module 'react' {
  export const StrictMode: (props: { children?: unknown }) => unknown;
  export function useState<T>(initial: T | (() => T)): [T, (value: T | ((previous: T) => T)) => void];
  export function useState<T = undefined>(): [T | undefined, (value: T | undefined | ((previous: T | undefined) => T | undefined)) => void];
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useCallback<T extends (...args: never[]) => unknown>(callback: T, deps: readonly unknown[]): T;
  export function useMemo<T>(factory: () => T, deps: readonly unknown[]): T;
  export function createContext<T>(value: T): { Provider: (props: { value: T; children?: unknown }) => unknown };
  export function useContext<T>(context: { Provider: (props: { value: T; children?: unknown }) => unknown }): T;
  export type ReactNode = unknown;
}
declare module 'react/jsx-runtime' {
  export const jsx: unknown;
  export const jsxs: unknown;
  export const Fragment: unknown;
}
declare module 'react-dom/client' {
  export function createRoot(element: Element): { render(node: unknown): void };
}
declare module 'react-chartjs-2' {
  export const Bar: (props: { data: unknown; options?: unknown; 'aria-label'?: string; role?: string }) => unknown;
}
declare module '*.css';
declare namespace JSX {
  type Element = unknown;
  interface IntrinsicElements {
    [element: string]: Record<string, unknown>;
  }
}
