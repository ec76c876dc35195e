/**
 * PUTs a file to a presigned URL with the headers the slot names, reporting progress (fetch cannot
 * report upload progress; XMLHttpRequest can). Resolves when the store accepted it.
 */
export function putWithProgress(
  url: string,
  file: Blob,
  headers: Record<string, string>,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', url)
    for (const [k, v] of Object.entries(headers)) {
      // The browser sets Content-Length and Host itself and refuses to be told them.
      if (!['content-length', 'host'].includes(k.toLowerCase())) xhr.setRequestHeader(k, v)
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total)
    }
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`the photo store answered ${xhr.status}`)))
    xhr.onerror = () => reject(new Error('the photo store could not be reached'))
    xhr.send(file)
  })
}

/** One photo as the uploader shows it, from choosing the file until the server settled it. */
export interface PhotoItem {
  key: string
  id: string | null
  name: string
  preview: string | null
  status: 'uploading' | 'pending' | 'ready' | 'rejected' | 'failed'
  progress: number
  error: string | null
}
