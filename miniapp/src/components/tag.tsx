import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { riskLabelOf } from '../lib/labels';

export type TagTone = 'neutral' | 'primary' | 'red' | 'yellow' | 'green' | 'grey';

export function Tag({ tone, children, className, id }: { tone: TagTone; children: ReactNode; className?: string; id?: string }) {
  return (
    <Text className={`tag tag--${tone}${className ? ` ${className}` : ''}`} id={id}>
      {children}
    </Text>
  );
}

/** R14's grade in colour and in words (红色风险…), so colour is never the only carrier of the meaning. */
export function RiskTag({ level }: { level: 'red' | 'yellow' | 'green' }) {
  return (
    <Tag tone={level} className={`risk-tag risk-tag--${level}`}>
      {riskLabelOf(level)}
    </Tag>
  );
}
