import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * One fact of the visit, its label above and its words below in full: who came, a service record or a reason are
 * sentences, which a row with the value at its right edge would squeeze.
 */
export function VisitField({ label, children, id, note }: { label: string; children: ReactNode; id?: string; note?: ReactNode }) {
  return (
    <View className='visit-field' id={id}>
      <Text className='visit-field__label'>{label}</Text>
      <Text className='visit-field__value'>{children}</Text>
      {note ? <Text className='visit-field__note'>{note}</Text> : null}
    </View>
  );
}

export function VisitSection({ title, children, id, className }: { title: string; children: ReactNode; id?: string; className?: string }) {
  return (
    <View className={className} id={id}>
      <Text className='section-title'>{title}</Text>
      <View className='visit-section'>{children}</View>
    </View>
  );
}
