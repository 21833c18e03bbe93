export const SECURITY_HEADERS: Readonly<Record<string, string>>;
export function isCrossOriginAction(request: { method?: string; headers: Record<string, string | string[] | undefined>; host?: string }): boolean;
export const CROSS_ORIGIN_REFUSAL: string;
