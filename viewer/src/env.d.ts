// Vite's client-side types (import.meta.glob, ?raw and ?url imports, import.meta.env)
// for the viewer's sources; the repository's tsconfig otherwise only knows Node's.
/// <reference types="vite/client" />
