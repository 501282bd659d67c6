/** A .docx bundled by webpack as a data: URL (the demo's sample). */
declare module "*.docx" {
  const dataUrl: string;
  export default dataUrl;
}
