// Nothing is lost: the draft (the text, its file name, when it was saved,
// and whether it was downloaded as it is) is kept in the browser as the
// user types, per page address, so two studios on one host keep their own.
// localStorage holds it when it fits (it is synchronous, so the last save
// before the page closes lands); a draft over a million characters, or
// one the quota refuses, goes to IndexedDB, with a note in localStorage.

const KEY = `alliance-map-studio:draft:${location.pathname}`;
const BIG = 1_000_000;
const DB = 'alliance-map-studio';

function idb(mode, fn) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('drafts');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('drafts', mode);
      const request = fn(tx.objectStore('drafts'));
      tx.oncomplete = () => (db.close(), resolve(request.result));
      tx.onerror = () => (db.close(), reject(tx.error));
    };
  });
}

/** Saves `draft` ({text, name, clean}); resolves once it is stored. */
export async function saveDraft({ text, name, clean }) {
  const record = { name, clean, savedAt: Date.now() };
  if (text.length <= BIG) {
    try {
      localStorage.setItem(KEY, JSON.stringify({ ...record, text }));
      return;
    } catch {
      // Over the quota: IndexedDB below.
    }
  }
  await idb('readwrite', (store) => store.put({ ...record, text }, KEY));
  localStorage.setItem(KEY, JSON.stringify({ ...record, inIndexedDb: true }));
}

/** The saved draft {text, name, clean, savedAt}, or null. */
export async function loadDraft() {
  let record = null;
  try {
    record = JSON.parse(localStorage.getItem(KEY) || 'null');
  } catch {
    return null;
  }
  if (record?.inIndexedDb) record = await idb('readonly', (store) => store.get(KEY)).catch(() => null);
  return typeof record?.text === 'string' ? record : null;
}

/** Forgets the draft. */
export async function discardDraft() {
  const record = localStorage.getItem(KEY);
  localStorage.removeItem(KEY);
  if (record?.includes('"inIndexedDb":true')) await idb('readwrite', (store) => store.delete(KEY)).catch(() => {});
}
