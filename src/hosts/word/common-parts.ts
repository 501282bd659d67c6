/**
 * The ledger and ignores through the Common API's custom XML parts
 * (Office.context.document.customXmlParts: getByNamespaceAsync, getXmlAsync, deleteAsync,
 * addAsync; requirement set CustomXmlParts, Word 2016 and later), for Words without WordApi 1.4
 * such as Word 2021 LTSC. They are the same parts WordApi 1.4's document.customXmlParts and
 * WPS's CustomXMLParts read (one part per namespace), so a document marked in Word 2021 clears
 * in Microsoft 365 or WPS, and the other way round. Not batched: each call is a round trip.
 */
import type { OfficeAsyncResult, OfficeCustomXmlPart, OfficeCustomXmlParts } from "./word-api";

function call<T>(start: (callback: (result: OfficeAsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (String(result.status) === "failed" || result.error)
        reject(new Error(result.error?.message ?? "custom XML part call failed"));
      else resolve(result.value);
    });
  });
}

export class CommonPartStore {
  constructor(private readonly parts: OfficeCustomXmlParts) {}

  private inNamespace(namespace: string): Promise<OfficeCustomXmlPart[]> {
    return call((callback) => this.parts.getByNamespaceAsync(namespace, callback));
  }

  /** The XML of every part in this namespace (a replace whose delete failed leaves two). */
  async readAll(namespace: string): Promise<string[]> {
    const parts = await this.inNamespace(namespace);
    const xmls: string[] = [];
    for (const part of parts)
      xmls.push(await call<string>((callback) => part.getXmlAsync(callback)));
    return xmls;
  }

  /**
   * Replaces every part in this namespace with one holding this XML. Rejects only when the new
   * part could not be added; resolves false when it was but an earlier part could not be
   * deleted (readers merge the parts they find).
   */
  async replace(namespace: string, xml: string): Promise<boolean> {
    const existing = await this.inNamespace(namespace);
    // Add first: if adding fails, the earlier part (and what it records) is still there.
    await call<OfficeCustomXmlPart>((callback) => this.parts.addAsync(xml, callback));
    try {
      for (const part of existing) await call<void>((callback) => part.deleteAsync(callback));
      return true;
    } catch {
      return false;
    }
  }
}
